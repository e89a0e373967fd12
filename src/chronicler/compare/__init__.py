"""Cross-article comparison: claims, alignment, stories, framing, report."""
