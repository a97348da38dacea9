package dev.crossbuild.nativejar;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.Stamp;
import dev.crossbuild.jni.JniLinkCheck;
import dev.crossbuild.jni.JniReport;
import dev.crossbuild.jni.NativeMethod;
import dev.crossbuild.jni.UnreadableClassException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JNI link check before any JAR is written: every {@code native} method of the compiled classes must bind to
 * a function of each planned target's libraries. A check that passed with no warning is not repeated while the
 * classes and libraries stay the same.
 */
final class JniGate {

    private final NativeJarOptions options;
    private final BuildLog log;

    JniGate(NativeJarOptions options, BuildLog log) {
        this.options = options;
        this.log = log;
    }

    /**
     * The JNI link check: every {@code native} method of the compiled classes must have its {@code Java_…} symbol
     * in each planned target's libraries. Nothing to check when the classes have no native method.
     *
     * @param classes the compiled classes ({@code project.build.outputDirectory})
     * @throws ProjectException listing every method without a symbol, per target
     */
    void check(List<NativeJars.PlatformJar> plans, Path classes) throws CrossbuildException {
        // a check that passed with no warning is not repeated while the classes and libraries are the same
        Path stamp = options.packaging().layout().jniCheckStamp();
        String inputs = jniInputs(plans, classes);
        try {
            if (Stamp.current(stamp, null, inputs).isPresent()) {
                log.info("JNI check: the classes and libraries are those that passed it last time");
                return;
            }
        } catch (IOException e) {
            throw new MachineException("could not read " + stamp + ": " + e.getMessage(), e);
        }
        Stamp.forget(stamp);
        List<NativeMethod> methods;
        try {
            methods = JniLinkCheck.nativeMethods(List.of(classes));
        } catch (UnreadableClassException e) {
            throw new ProjectException("native-jar: the JNI check " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MachineException("could not read the classes in " + classes + ": " + e.getMessage(), e);
        }
        if (methods.isEmpty()) {
            log.debug("JNI check: the classes in " + classes + " have no native method");
            return;
        }
        List<String> missing = new ArrayList<>();
        int warnings = 0;
        for (NativeJars.PlatformJar plan : plans) {
            JniReport report;
            try {
                report = JniLinkCheck.check(plan.target().id(), methods, plan.files());
            } catch (IOException e) {
                throw new MachineException("could not read the libraries of target `" + plan.target().id() + "`: "
                        + e.getMessage(), e);
            }
            report.warnings().forEach(log::warn);
            warnings += report.warnings().size();
            missing.addAll(report.missing());
        }
        if (!missing.isEmpty()) {
            throw new ProjectException("native-jar: the JNI check found " + missing.size() + " native method"
                    + (missing.size() == 1 ? "" : "s") + " the libraries do not link:\n  - "
                    + String.join("\n  - ", missing) + "\nExport each symbol (Rust: #[no_mangle] pub extern \"system\""
                    + " fn Java_…; C: JNIEXPORT … JNICALL Java_…, extern \"C\" in C++), or register the methods in"
                    + " JNI_OnLoad; -D" + "crossbuild.jniCheck=false turns the check off");
        }
        if (warnings == 0) {
            Stamp.of(inputs).write(stamp);
        }
        log.info("JNI check: " + methods.size() + " native method" + (methods.size() == 1 ? "" : "s") + " of "
                + classes.getFileName() + " checked against the libraries of " + plans.size() + " target"
                + (plans.size() == 1 ? "" : "s") + (warnings == 0 ? ": every one links" : ": " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + " above"));
    }

    /** What the JNI check's outcome follows from: every class file and every library, by path, size and time. */
    private String jniInputs(List<NativeJars.PlatformJar> plans, Path classes) throws CrossbuildException {
        Fingerprint fingerprint = new Fingerprint().add("jni-check-v1").addTree(classes,
                options.packaging().layout().root());
        try {
            for (NativeJars.PlatformJar plan : plans) {
                fingerprint.add(plan.target().id());
                for (Path file : plan.files()) {
                    fingerprint.add(Stamp.describe(file));
                }
            }
        } catch (IOException e) {
            throw new MachineException("could not read the libraries: " + e.getMessage(), e);
        }
        return fingerprint.hex();
    }

}
