package app.backbone.program.domain;

/** Whether a program is in use or archived. */
public enum ProgramStatus {
    ACTIVE,
    ARCHIVED
}
