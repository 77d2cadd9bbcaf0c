package io.coffer.core.engine.kv;

/** The staging labels with a meaning of their own; any other label is free-form. */
public final class StagingLabels {

    /** The version a read without a version number returns; a write moves it to the new version. */
    public static final String CURRENT = "AWSCURRENT";
    /** The version that was {@link #CURRENT} before it moved. */
    public static final String PREVIOUS = "AWSPREVIOUS";
    /** The version a rotation in progress is writing. */
    public static final String PENDING = "AWSPENDING";

    private StagingLabels() {
    }
}
