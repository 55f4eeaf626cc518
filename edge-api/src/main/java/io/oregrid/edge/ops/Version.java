package io.oregrid.edge.ops;

/** The build's version, from the jar manifest (Implementation-Version), or "dev" when run from classes. */
public final class Version {
    private Version() {
    }

    /** @return the version string */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
