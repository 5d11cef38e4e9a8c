# cached per-fold binarised matrices; many learner configs
import sys, time
import numpy as np, pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB
from sklearn.model_selection import StratifiedKFold
df = pd.read_csv(__import__('os').path.join(__import__('os').path.dirname(__file__), '../../../shared/datasets/subj/all.csv'))
X_text = df.sentence.values
y = (df.label == 'opinion').astype(int).values
skf = list(StratifiedKFold(10, shuffle=True, random_state=0).split(X_text, y))
def vecs(kind):
    out = []
    if kind.startswith('w12'): out.append(CountVectorizer(ngram_range=(1,2), token_pattern=r"\S+", binary=True))
    if kind.startswith('w13'): out.append(CountVectorizer(ngram_range=(1,3), token_pattern=r"\S+", binary=True))
    if kind.startswith('w1_'): out.append(CountVectorizer(ngram_range=(1,1), token_pattern=r"\S+", binary=True))
    if 'c25' in kind: out.append(CountVectorizer(analyzer='char_wb', ngram_range=(2,5), binary=True, min_df=3))
    if 'c36' in kind: out.append(CountVectorizer(analyzer='char_wb', ngram_range=(3,6), binary=True, min_df=2))
    return out
cache = {}
def folds(kind):
    if kind in cache: return cache[kind]
    res = []
    for tr, te in skf:
        A, B = [], []
        for v in vecs(kind):
            a = v.fit_transform(X_text[tr]).astype(float).tocsr(); b = v.transform(X_text[te]).astype(float).tocsr()
            A.append(a); B.append(b)
        res.append((tr, te, A, B))
    cache[kind] = res
    return res
def r_of(a, yt, alpha):
    p = alpha + np.asarray(a[yt==1].sum(0)).ravel()
    q = alpha + np.asarray(a[yt==0].sum(0)).ravel()
    return np.log((p/p.sum())/(q/q.sum()))
def run(kind, learner='lr', C=1.0, beta=1.0, alpha=1.0, blockw=1.0):
    accs = []
    for tr, te, A, B in folds(kind):
        yt = y[tr]
        if learner == 'mnb':
            a = sparse.hstack(A).tocsr(); b = sparse.hstack(B).tocsr()
            m = MultinomialNB(alpha=alpha).fit(a, yt); accs.append(np.mean(m.predict(b) == y[te])); continue
        As, Bs = [], []
        for k, (a, b) in enumerate(zip(A, B)):
            r = r_of(a, yt, alpha)
            s = r * (blockw if k > 0 else 1.0)
            As.append(a.multiply(s).tocsr()); Bs.append(b.multiply(s).tocsr())
        a = sparse.hstack(As).tocsr(); b = sparse.hstack(Bs).tocsr()
        clf = LogisticRegression(C=C, max_iter=3000, solver='liblinear').fit(a, yt)
        w = clf.coef_.ravel(); b0 = clf.intercept_[0]
        if beta < 1:
            w = (1-beta)*np.mean(np.abs(w)) + beta*w
        accs.append(np.mean(((b @ w + b0) > 0) == y[te]))
    return np.mean(accs), np.std(accs, ddof=1)
def binary_blocks(A, B):
    """A fold's training and test blocks side by side, binarised."""
    a = sparse.hstack(A).tocsr(); b = sparse.hstack(B).tocsr()
    a.data[:] = 1; b.data[:] = 1
    return a, b
def report(accs):
    """Mean ± sd over the folds of each scorer's accuracy."""
    for k, v in accs.items():
        print(f"  {k:20s} acc {np.mean(v)*100:.2f} ± {np.std(v, ddof=1)*100:.2f}", flush=True)
def specs(args, text_keys=()):
    """Each `kind=K:key=value:...` argument as (spec, kind, keyword arguments); values are
    floats except for the keys in text_keys."""
    for spec in args:
        kw = dict(x.split('=') for x in spec.split(':'))
        kind = kw.pop('kind')
        yield spec, kind, {k: (v if k in text_keys else float(v)) for k, v in kw.items()}
if __name__ == '__main__':
    for spec, kind, args in specs(sys.argv[1:], ('learner',)):
        t = time.time(); m, s = run(kind, **args)
        print(f"{spec:50s} acc {m*100:.2f} ± {s*100:.2f}  ({time.time()-t:.0f}s)", flush=True)
