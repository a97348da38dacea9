package dev.crossbuild.maven;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativejar.NativeJarOptions;
import dev.crossbuild.nativejar.NativeJars;
import dev.crossbuild.nativejar.PrebuiltNativeJars;
import dev.crossbuild.packaging.CompilerLibraryLocator;
import dev.crossbuild.packaging.LibraryLocator;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.project.MavenProjectHelper;

/**
 * What {@code native-jar} does once its parameters are read: plan every target's JAR, check that the libraries
 * link the classes' native methods, write the JARs and attach each with its platform key as classifier.
 *
 * @param prebuilt the folder of prebuilt JARs (fan-in), or null to package what was built here
 * @param classes  the compiled classes for the JNI check, or null when it is off
 */
record NativeJarWork(GoalContext context, MavenProjectHelper helper, List<TargetSpec> targets,
        NativeJarOptions options, Path prebuilt, boolean prebuiltStrict, Path classes) implements Work {

    @Override
    public void run() throws CrossbuildException {
        BuildLog log = context.buildLog();
        // the toolchain is asked for libraries only when they are bundled
        LibraryLocator locator = options.packaging().bundleLibraries() ? new CompilerLibraryLocator(
                new ProcessRunner(), context.environments(), context.resolver(), context.layout()) : LibraryLocator.NONE;
        NativeJars jars = new NativeJars(options, log, locator);
        List<NativeJars.Written> written;
        if (prebuilt == null) {
            long start = System.nanoTime();
            List<NativeJars.PlatformJar> plans = jars.plan(targets);
            long planned = System.nanoTime();
            if (classes != null) {
                jars.checkJni(plans, classes);
            }
            long checked = System.nanoTime();
            written = jars.write(plans);
            if (log.isDebugEnabled()) {
                log.debug("native-jar timing: plan " + (planned - start) / 1_000_000 + " ms, JNI check "
                        + (checked - planned) / 1_000_000 + " ms, write " + (System.nanoTime() - checked) / 1_000_000
                        + " ms");
            }
        } else {
            // the fan-in: the jobs' JARs, verified, attached as they were built; the JAR of every platform from them
            List<PrebuiltNativeJars.Verified> verified = new PrebuiltNativeJars(options, log).gather(targets, prebuilt,
                    prebuiltStrict);
            List<NativeJars.PlatformJar> plans = verified.stream().map(PrebuiltNativeJars.Verified::plan).toList();
            if (classes != null) {
                jars.checkJni(plans, classes);
            }
            written = new ArrayList<>();
            for (PrebuiltNativeJars.Verified jar : verified) {
                written.add(new NativeJars.Written(jar.plan().platform(), jar.jar(), jar.checksum(), false));
            }
            if (options.all()) {
                written.add(jars.writeAll(plans));
            }
        }
        for (NativeJars.Written jar : written) {
            helper.attachArtifact(context.project(), "jar", jar.classifier(), jar.jar().toFile());
            helper.attachArtifact(context.project(), "jar.sha256", jar.classifier(), jar.checksum().toFile());
        }
        log.info("crossbuild native-jar: " + written.size() + " JAR" + (written.size() == 1 ? "" : "s") + " ("
                + String.join(", ", written.stream().map(NativeJars.Written::classifier).toList()) + ")");
    }
}
