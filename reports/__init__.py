"""Stage 4: render comparisons as HTML, Markdown, JSON and CSV."""
