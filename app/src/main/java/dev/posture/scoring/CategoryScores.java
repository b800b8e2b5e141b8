package dev.posture.scoring;

import dev.posture.catalog.Category;

/** The four views for the actions of one category. */
public record CategoryScores(Category category, Scores scores) {}
