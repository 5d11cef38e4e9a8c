#!/usr/bin/env python3
"""Write HO, the held-out selection set: rows 220.. of checkthat-en/dev.csv (the 2023 test, not
part of NewsSD-ENG), with the header. Usage: scripts/holdout.py DEV.csv OUT.csv"""
import csv
import sys

rows = list(csv.reader(open(sys.argv[1], newline="")))
w = csv.writer(open(sys.argv[2], "w", newline=""), lineterminator="\n")
w.writerow(rows[0])
w.writerows(rows[220:])
