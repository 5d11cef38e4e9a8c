# Run from the repository root: .venv/bin/python bench/subj-nb-probe/aux_probe.py (bench/run.sh makes .venv).
# Orientation probe: does a SUBJ-fitted naive-Bayes score, as ONE feature, help a news model?
# news-CV (NewsSD-ENG, 5 folds x 2 seeds) and HO (checkthat dev rows 220..). No test files.
import csv, re, random, statistics, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer, CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from scipy.sparse import hstack, csr_matrix
import os
S=os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/datasets/')
def load(p):
    return [(r['sentence'], r['label']) for r in csv.DictReader(open(p, newline=''))]
news = sum((load(S+'newssd-eng/%s.csv'%n) for n in ('train','val','test')), [])
ho = load(S+'checkthat-en/dev.csv')[219:]
subj = load(S+'subj/all.csv')
Q = re.compile(r'["“”][^"“”]{10,}?["“”]')
def mask(t): return Q.sub(' QUOTE ', t)
# aux ratio on SUBJ
def fit_ratio(texts, labels, alpha, ngr):
    cv = CountVectorizer(ngram_range=ngr, binary=True, min_df=1, token_pattern=r"(?u)\b\w[\w']*\b")
    X = cv.fit_transform(texts)
    y = np.array([l=='opinion' for l in labels])
    p = alpha + np.asarray(X[y].sum(0)).ravel(); q = alpha + np.asarray(X[~y].sum(0)).ravel()
    r = np.log((p/p.sum())/(q/q.sum()))
    return cv, r
def score(cv, r, texts):
    X = cv.transform(texts); X.data[:] = 1
    n = np.maximum(np.asarray(X.sum(1)).ravel(), 1)
    return np.asarray(X @ r).ravel(), np.asarray(X @ r).ravel()/n
AUX = {}
for ngr in ((1,1),(1,2)):
    AUX[ngr] = fit_ratio([t for t,_ in subj],[l for _,l in subj],1.0,ngr)
def run(train, test, aux, scale, C=0.5):
    tr=[mask(t) for t,_ in train]; te=[mask(t) for t,_ in test]
    v = TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=2)
    Xtr = v.fit_transform(tr); Xte = v.transform(te)
    if aux:
        cv,r = AUX[aux[0]]
        a_tr = score(cv,r,tr)[aux[1]]; a_te = score(cv,r,te)[aux[1]]
        m, s = a_tr.mean(), a_tr.std()
        Xtr = hstack([Xtr, csr_matrix(((a_tr-m)/s*scale)[:,None])]).tocsr()
        Xte = hstack([Xte, csr_matrix(((a_te-m)/s*scale)[:,None])]).tocsr()
    ytr=[l for _,l in train]; yte=[l for _,l in test]
    clf = LogisticRegression(C=C, class_weight='balanced', max_iter=2000).fit(Xtr,ytr)
    return f1_score(yte, clf.predict(Xte), average='macro')
def newscv(aux, scale):
    sc=[]
    for seed in (1,2):
        rng=random.Random(seed); fold=[0]*len(news)
        for lab in ('fact','opinion'):
            idx=[i for i,(_,l) in enumerate(news) if l==lab]; rng.shuffle(idx)
            for k,i in enumerate(idx): fold[i]=k%5
        for k in range(5):
            sc.append(run([r for i,r in enumerate(news) if fold[i]!=k],[r for i,r in enumerate(news) if fold[i]==k],aux,scale))
    return statistics.mean(sc), statistics.stdev(sc)
for aux in (None, ((1,1),0), ((1,1),1), ((1,2),0), ((1,2),1)):
    for scale in ((1,) if aux is None else (0.3,1,3)):
        m,s = newscv(aux, scale)
        print(aux, scale, 'newsCV %.4f ± %.4f'%(m,s), 'HO %.4f'%run(news, ho, aux, scale), flush=True)
