package fr.academie.colibris.request;

/** Where a request stands in its life: from the draft to the decision. */
public enum RequestStatus {
    DRAFT,
    SUBMITTED,
    IN_REVIEW,
    RETURNED,
    APPROVED,
    REFUSED,
    WITHDRAWN
}
