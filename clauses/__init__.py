"""Stage 2: the clause taxonomy and the classifier that tags provisions with categories."""
