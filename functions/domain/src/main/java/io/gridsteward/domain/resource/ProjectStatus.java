package io.gridsteward.domain.resource;

/** A project is carried out until its owner completes it with evidence; then it is on its community's public list. */
public enum ProjectStatus {
    IN_PROGRESS,
    COMPLETED
}
