package dev.crossbuild.maven;

import static dev.crossbuild.maven.PropertyValues.bool;

import dev.crossbuild.core.ProjectException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * The goals that deliver what the build goals made, one file per target attached to the project (archives, Linux
 * packages, native JARs, SBOMs): they build nothing themselves, so {@code crossbuild.prebuilt} makes them gather
 * what other machines built instead of skipping them; they name their files after the project's final name; and
 * they attach through Maven's project helper.
 */
abstract class AbstractDeliveryMojo extends AbstractCargoMojo {

    /**
     * The base name of the files the goal writes: {@code <finalName>-<classifier>.<extension>}, and the top folder
     * of an archive.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    private String finalName;

    /**
     * With {@code crossbuild.prebuilt}: the folder must hold exactly the selected set, so what is otherwise a
     * warning is an error: a file of the goal's kind that matches no selected target, and a missing SBOM.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PREBUILT_STRICT, defaultValue = "false")
    private String prebuiltStrict;

    /** Attaches the goal's files to the project. */
    protected final MavenProjectHelper projectHelper;

    protected AbstractDeliveryMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected boolean buildsFromSource() {
        return false;
    }

    protected boolean prebuiltStrict() throws ProjectException {
        return bool(PropertyNames.PREBUILT_STRICT, prebuiltStrict);
    }

    protected String finalName() {
        return finalName;
    }
}
