"""Scoring predictions: accuracy, balanced accuracy and the area under the ROC curve."""

from __future__ import annotations

from collections.abc import Sequence


def accuracy(actual: Sequence[object], predicted: Sequence[object]) -> float:
    """Share of predictions that match."""
    if not actual:
        return float("nan")
    return sum(a == p for a, p in zip(actual, predicted, strict=True)) / len(actual)


def balanced_accuracy(actual: Sequence[object], predicted: Sequence[object]) -> float:
    """Mean over the actual classes of the share of each class predicted right (recall)."""
    classes = sorted(set(actual), key=str)
    if not classes:
        return float("nan")
    recalls = []
    for c in classes:
        rows = [p for a, p in zip(actual, predicted, strict=True) if a == c]
        recalls.append(sum(p == c for p in rows) / len(rows))
    return sum(recalls) / len(recalls)


def auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the ROC curve: the chance a random positive outscores a random negative
    (ties count half). Computed from ranks, O(n log n)."""
    pairs = sorted(zip(scores, labels, strict=True), key=lambda p: p[0])
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2  # ranks i+1 .. j share their mean
        rank_sum += mean_rank * sum(1 for _, label in pairs[i:j] if label)
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)
