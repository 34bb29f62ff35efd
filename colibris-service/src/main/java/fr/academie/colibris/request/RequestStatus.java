package fr.academie.colibris.request;

/** Where a request stands in its life: from the draft to the decision. */
public enum RequestStatus {
    /** Saved, editable, seen by no one else. */
    DRAFT,
    /** Submitted, waiting for the decision of its current step. */
    IN_REVIEW,
    /** Sent back to the person to complete; resubmitted, it resumes at the step that returned it. */
    RETURNED,
    APPROVED,
    REFUSED,
    WITHDRAWN;

    /** Approved, refused or withdrawn: nothing more happens. */
    public boolean isFinal() {
        return this == APPROVED || this == REFUSED || this == WITHDRAWN;
    }
}
