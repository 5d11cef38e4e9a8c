# ensembles of MNB and (NB-)LR; bias refit after interpolation
import sys, time
import numpy as np
from sklearn.linear_model import LogisticRegression
from nb2 import binary_blocks, folds, r_of, report, specs, y
def run(kind, C=1.0, beta=0.25, alpha=1.0, mix=0.5, refit=1.0, lrfeat='nb'):
    accs = {}
    for tr, te, A, B in folds(kind):
        yt = y[tr]
        a, b = binary_blocks(A, B)
        r = r_of(a, yt, alpha)
        prior = np.log(yt.mean() / (1 - yt.mean()))
        nb_tr = a @ r + prior; nb_te = b @ r + prior
        if lrfeat == 'nb':
            at = a.multiply(r).tocsr(); bt = b.multiply(r).tocsr()
        clf = LogisticRegression(C=C, max_iter=3000, solver='liblinear').fit(at, yt)
        lr_te = clf.decision_function(bt)
        w = clf.coef_.ravel(); b0 = clf.intercept_[0]
        res = {'mnb': nb_te, 'lr': lr_te}
        for bt_ in (0.0, 0.1, 0.25):
            w2 = (1-bt_)*np.mean(np.abs(w)) + bt_*w
            s_tr = at @ w2; s_te = bt @ w2
            # refit bias: 1-D logistic on the training scores
            lb = LogisticRegression(C=1e6).fit(s_tr[:, None], yt)
            res[f'interp{bt_}_refit'] = lb.decision_function(s_te[:, None])
        for m in (0.3, 0.5, 0.7):
            # scale: standardise logits
            res[f'ens{m}'] = m * nb_te / np.std(nb_tr) + (1-m) * lr_te / np.std(clf.decision_function(at))
        for k, s in res.items():
            accs.setdefault(k, []).append(np.mean((s > 0) == y[te]))
    report(accs)
for spec, kind, a in specs(sys.argv[1:], ('lrfeat',)):
    print(spec, flush=True); t = time.time(); run(kind, **a); print(f"  ({time.time()-t:.0f}s)")
