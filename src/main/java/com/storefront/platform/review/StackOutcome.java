package com.storefront.platform.review;

/** What became of one stack in a run: reviewed, or not reviewable. */
sealed interface StackOutcome permits StackReview, StackFailure {
}
