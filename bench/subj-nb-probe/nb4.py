# stacking: LR on [r-scaled feats, K * cross-fitted NB score]
import sys, time
import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from nb2 import binary_blocks, folds, r_of, report, specs, y
def run(kind, C=1.0, alpha=0.25, K=10.0, inner=5, scale=1.0, tfidf=0.0):
    accs = {}
    for tr, te, A, B in folds(kind):
        yt = y[tr]
        a, b = binary_blocks(A, B)
        r = r_of(a, yt, alpha)
        nb_te = b @ r
        nb_cf = np.zeros(len(tr))
        for itr, ite in StratifiedKFold(int(inner), shuffle=True, random_state=1).split(a, yt):
            nb_cf[ite] = a[ite] @ r_of(a[itr], yt[itr], alpha)
        at = a.multiply(r * scale).tocsr(); bt = b.multiply(r * scale).tocsr()
        if tfidf:
            from sklearn.feature_extraction.text import TfidfTransformer
            from sklearn.preprocessing import normalize
            tt = TfidfTransformer(sublinear_tf=True).fit(a); at = tt.transform(a); bt = tt.transform(b)
        res = {'mnb': nb_te}
        for Cv in (0.03, 0.1, 0.3, 1.0, 4.0):
            A2 = sparse.hstack([at, sparse.csr_matrix(nb_cf[:, None] * K)]).tocsr()
            B2 = sparse.hstack([bt, sparse.csr_matrix(nb_te[:, None] * K)]).tocsr()
            clf = LogisticRegression(C=Cv, max_iter=3000, solver='liblinear').fit(A2, yt)
            res[f'stack C={Cv}'] = clf.decision_function(B2)
        for k, s in res.items():
            accs.setdefault(k, []).append(np.mean((s > 0) == y[te]))
    report(accs)
for spec, kind, a in specs(sys.argv[1:], ()):
    print(spec, flush=True); t = time.time(); run(kind, **a); print(f"  ({time.time()-t:.0f}s)")
