package dev.crossbuild.maven;

/** Every user property of the plugin, in one place, all prefixed {@code crossbuild.}. */
public final class PropertyNames {

    public static final String SKIP = "crossbuild.skip";
    public static final String TARGETS = "crossbuild.targets";
    public static final String MANIFEST_PATH = "crossbuild.manifestPath";
    public static final String CARGO_PROFILE = "crossbuild.cargoProfile";
    public static final String TIMEOUT = "crossbuild.timeout";
    public static final String ZIG = "crossbuild.zig";

    public static final String VALIDATE_SKIP = "crossbuild.validate-toolchain.skip";
    public static final String INSTALL_TARGETS = "crossbuild.installTargets";

    public static final String CARGO_BUILD_SKIP = "crossbuild.cargo-build.skip";
    public static final String CARGO_FORCE = dev.crossbuild.cargo.CargoBuilder.FORCE_PROPERTY;
    public static final String LOCKED = "crossbuild.locked";
    public static final String FEATURES = "crossbuild.features";
    public static final String ALL_FEATURES = "crossbuild.allFeatures";
    public static final String NO_DEFAULT_FEATURES = "crossbuild.noDefaultFeatures";
    public static final String CARGO_ARGS = "crossbuild.cargoArgs";
    public static final String GITHUB_ANNOTATIONS = "crossbuild.githubAnnotations";

    public static final String PACKAGE_ARCH_SKIP = "crossbuild.package-arch.skip";
    public static final String PACKAGE_FILES = "crossbuild.packageFiles";
    public static final String PACKAGE_STATIC_LIBRARIES = "crossbuild.packageStaticLibraries";
    public static final String PACKAGE_NATIVE_OUTPUTS = "crossbuild.packageNativeOutputs";

    public static final String PACKAGE_LINUX_SKIP = "crossbuild.package-linux.skip";
    /** Deprecated spelling of {@link #PACKAGE_LINUX_SKIP}, still honoured with a warning. */
    public static final String PACKAGE_LINUX_SKIP_OLD = "crossbuild.packageLinux.skip";

    public static final String COMPILER_CACHE = "crossbuild.compilerCache";
    public static final String GROUP = "crossbuild.group";
    public static final String BUNDLE_LIBRARIES = "crossbuild.bundleLibraries";
    public static final String REPRODUCIBLE = "crossbuild.reproducible";
    public static final String VERIFY_REPRODUCIBLE = "crossbuild.verifyReproducible";
    public static final String VERIFY_REPRODUCIBLE_KEEP = "crossbuild.verifyReproducible.keep";

    public static final String PREBUILT = "crossbuild.prebuilt";
    public static final String PREBUILT_STRICT = "crossbuild.prebuilt.strict";

    public static final String MATRIX_OUTPUT = "crossbuild.matrix.output";
    public static final String MATRIX_SKIP = "crossbuild.matrix.skip";
    public static final String CMD = "crossbuild.cmd";

    public static final String CARGO_TEST_SKIP = "crossbuild.cargo-test.skip";
    public static final String TEST_FILTER = "crossbuild.test";
    public static final String TEST_REQUIRE_RUN = "crossbuild.test.requireRun";
    public static final String TEST_TIMEOUT = "crossbuild.test.timeout";

    public static final String NATIVE_JAR_SKIP = "crossbuild.native-jar.skip";
    /** Deprecated spelling of {@link #NATIVE_JAR_SKIP}, still honoured with a warning. */
    public static final String NATIVE_JAR_SKIP_OLD = "crossbuild.nativeJar.skip";
    public static final String NATIVE_JAR_ALL = "crossbuild.nativeJar.all";
    public static final String NATIVE_LIBRARY_NAME = "crossbuild.nativeLibraryName";
    public static final String JNI_CHECK = "crossbuild.jniCheck";

    public static final String BUILD_NATIVE_SKIP = "crossbuild.build-native.skip";
    public static final String NATIVE_FORCE = "crossbuild.native.force";

    public static final String PACKAGE_IMAGE_SKIP = "crossbuild.package-image.skip";
    public static final String PUSH_IMAGE_SKIP = "crossbuild.push-image.skip";
    public static final String IMAGE_NAME = "crossbuild.image.name";
    public static final String IMAGE_BASE = "crossbuild.image.base";
    public static final String IMAGE_USERNAME = "crossbuild.image.username";
    /** No longer read (Maven prints parameters under -X): refused naming settings.xml and the environment. */
    public static final String IMAGE_PASSWORD_REMOVED = "crossbuild.image.password";
    public static final String IMAGE_TIMEOUT = "crossbuild.image.timeout";
    public static final String IMAGE_INSECURE = "crossbuild.image.insecure";
    public static final String IMAGE_REVISION = "crossbuild.image.revision";

    public static final String ARCHIVE_FORMAT = "crossbuild.archiveFormat";
    public static final String PROGRAM_FOLDER = "crossbuild.programFolder";
    public static final String SBOM_SKIP = "crossbuild.sbom.skip";
    public static final String RELEASE_SKIP = "crossbuild.release-manifest.skip";
    /** Deprecated spelling of {@link #RELEASE_SKIP}, still honoured with a warning. */
    public static final String RELEASE_SKIP_OLD = "crossbuild.release.skip";
    public static final String RELEASE_PROGRAMS = "crossbuild.release.programs";
    public static final String RELEASE_TAGS = "crossbuild.release.tags";
    public static final String RELEASE_BREW = "crossbuild.release.brew";
    public static final String RELEASE_SCOOP = "crossbuild.release.scoop";
    public static final String RELEASE_CHOCOLATEY = "crossbuild.release.chocolatey";

    private PropertyNames() {
    }
}
