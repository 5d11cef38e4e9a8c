import sys, time, itertools
import numpy as np, pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import normalize

df = pd.read_csv(__import__('os').path.join(__import__('os').path.dirname(__file__), '../../../shared/datasets/subj/all.csv'))
X_text = df.sentence.values
y = (df.label == 'opinion').astype(int).values

def feats(kind):
    if kind == 'w12': return [CountVectorizer(ngram_range=(1,2), token_pattern=r"\S+", binary=True)]
    if kind == 'w13': return [CountVectorizer(ngram_range=(1,3), token_pattern=r"\S+", binary=True)]
    if kind == 'w12c25': return [CountVectorizer(ngram_range=(1,2), token_pattern=r"\S+", binary=True),
                                 CountVectorizer(analyzer='char_wb', ngram_range=(2,5), binary=True, min_df=3)]
    if kind == 'w13c25': return [CountVectorizer(ngram_range=(1,3), token_pattern=r"\S+", binary=True),
                                 CountVectorizer(analyzer='char_wb', ngram_range=(2,5), binary=True, min_df=3)]

def run(kind, C, beta, alpha=1.0, norm=None, learner='lr', seed=0):
    skf = StratifiedKFold(10, shuffle=True, random_state=seed)
    accs = []
    for tr, te in skf.split(X_text, y):
        vecs = feats(kind)
        blocks_tr, blocks_te = [], []
        for v in vecs:
            a = v.fit_transform(X_text[tr]).astype(float); b = v.transform(X_text[te]).astype(float)
            a.data[:] = 1; b.data[:] = 1
            p = alpha + np.asarray(a[y[tr]==1].sum(0)).ravel()
            q = alpha + np.asarray(a[y[tr]==0].sum(0)).ravel()
            r = np.log((p/p.sum())/(q/q.sum()))
            a = a.multiply(r).tocsr(); b = b.multiply(r).tocsr()
            if norm: a = normalize(a); b = normalize(b)
            blocks_tr.append(a); blocks_te.append(b)
        A = sparse.hstack(blocks_tr).tocsr(); B = sparse.hstack(blocks_te).tocsr()
        if learner == 'lr':
            clf = LogisticRegression(C=C, max_iter=2000, solver='liblinear')
        else:
            clf = LinearSVC(C=C, max_iter=5000)
        clf.fit(A, y[tr])
        w = clf.coef_.ravel(); b0 = clf.intercept_[0]
        if beta < 1:
            wb = np.mean(np.abs(w))
            w = (1-beta)*wb + beta*w
        s = B @ w + b0
        accs.append(np.mean((s > 0) == y[te]))
    return np.mean(accs), np.std(accs, ddof=1)

if __name__ == '__main__':
    for spec in sys.argv[1:]:
        kw = dict(x.split('=') for x in spec.split(':'))
        kind = kw.pop('kind')
        args = {k: (float(v) if k in ('C','beta','alpha') else v) for k,v in kw.items()}
        t = time.time()
        m, s = run(kind, **args)
        print(f"{spec:50s} acc {m*100:.2f} ± {s*100:.2f}  ({time.time()-t:.0f}s)", flush=True)
