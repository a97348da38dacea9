package dev.crossbuild.sbom;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Writes a target's SBOM as CycloneDX 1.6 JSON with cyclonedx-core-java. The same inputs give the same bytes:
 * the time is the project's output timestamp, the serial number is derived from the main component and that
 * time, every list is sorted, and no absolute path appears.
 */
public final class SbomWriter {

    public static final Version SPEC = Version.VERSION_16;
    /** Property names in the {@code crossbuild:} namespace of the SBOM. */
    static final String PREFIX = "crossbuild:";

    private SbomWriter() {
    }

    public static void write(SbomSpec spec, Path file) throws MachineException {
        Json.writeAtomically(file, json(spec));
    }

    public static String json(SbomSpec spec) throws MachineException {
        try {
            return BomGeneratorFactory.createJson(SPEC, bom(spec)).toJsonString() + "\n";
        } catch (GeneratorException e) {
            throw new MachineException("could not write the SBOM of target `" + spec.targetId() + "`: "
                    + e.getMessage(), e);
        }
    }

    static Bom bom(SbomSpec spec) {
        SbomSpec.Project project = spec.project();
        Component main = new Component();
        main.setType(Component.Type.APPLICATION);
        main.setGroup(project.groupId());
        main.setName(project.artifactId());
        main.setVersion(project.version());
        if (project.description() != null && !project.description().isBlank()) {
            main.setDescription(project.description().strip().replaceAll("\\s+", " "));
        }
        String purl = "pkg:maven/" + project.groupId() + "/" + project.artifactId() + "@" + project.version()
                + "?classifier=" + spec.targetId() + (spec.archiveType() == null ? "" : "&type=" + spec.archiveType());
        main.setPurl(purl);
        main.setBomRef(purl);
        if (!project.licenses().isEmpty()) {
            LicenseChoice licenses = new LicenseChoice();
            for (String name : project.licenses()) {
                License license = new License();
                license.setName(name);
                licenses.addLicense(license);
            }
            main.setLicenses(licenses);
        }
        main.addProperty(new Property(PREFIX + "target", spec.targetId()));
        main.addProperty(new Property(PREFIX + "triple", spec.triple()));

        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(spec.timestamp()));
        metadata.setComponent(main);
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setGroup("dev.crossbuild");
        tool.setName("crossbuild-maven-plugin");
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);

        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((purl + "@" + spec.timestamp())
                .getBytes(StandardCharsets.UTF_8)));
        bom.setVersion(1);
        bom.setMetadata(metadata);

        List<Component> components = new ArrayList<>();
        Dependency root = new Dependency(purl);
        for (CargoCrate crate : spec.crates()) {
            Component c = new Component();
            c.setType(Component.Type.LIBRARY);
            c.setName(crate.name());
            c.setVersion(crate.version());
            if (crate.purl() != null) {
                c.setPurl(crate.purl());
            }
            c.setBomRef(crate.bomRef());
            c.setScope(crate.buildOnly() ? Component.Scope.EXCLUDED : Component.Scope.REQUIRED);
            LicenseChoice license = license(crate.license());
            if (license != null) {
                c.setLicenses(license);
            }
            if (crate.checksum() != null) {
                c.addHash(new Hash(Hash.Algorithm.SHA_256, crate.checksum()));
            }
            c.addProperty(new Property(PREFIX + "cargo:dependency-kind", crate.buildOnly() ? "build" : "normal"));
            // a path crate's source is a folder of this machine, which the SBOM never names
            c.addProperty(new Property(PREFIX + "cargo:source", crate.source() != null ? crate.source() : "path"));
            components.add(c);
            if (!crate.buildOnly()) {
                root.addDependency(new Dependency(crate.bomRef()));
            }
        }
        for (SbomSpec.NativePart build : spec.nativeBuilds()) {
            Component c = new Component();
            c.setType(Component.Type.LIBRARY);
            c.setName(build.id());
            c.setBomRef("native:" + build.id());
            c.setScope(Component.Scope.REQUIRED);
            c.addProperty(new Property(PREFIX + "native:tool", build.tool()));
            c.addProperty(new Property(PREFIX + "native:directory", build.directory()));
            components.add(c);
            root.addDependency(new Dependency("native:" + build.id()));
        }
        for (SbomSpec.PackagedFile file : spec.files()) {
            Component c = new Component();
            c.setType(Component.Type.FILE);
            c.setName(file.path());
            c.setBomRef("file:" + file.path());
            c.addHash(new Hash(Hash.Algorithm.SHA_256, file.sha256()));
            c.addProperty(new Property(PREFIX + "file:kind", file.kind()));
            if (file.debian() != null) {
                c.setVersion(file.debian().version());
                c.setPurl(file.debian().purl());
                c.addProperty(new Property(PREFIX + "debian:package", file.debian().name()));
            }
            components.add(c);
            root.addDependency(new Dependency("file:" + file.path()));
        }
        bom.setComponents(components);
        bom.setDependencies(List.of(root));
        return bom;
    }

    /**
     * A crate's license: an SPDX expression as {@code expression} (cargo's old {@code MIT/Apache-2.0} read as
     * {@code MIT OR Apache-2.0}), any other text ({@code GPL v2}) as a license {@code name}; null without one.
     */
    static LicenseChoice license(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LicenseChoice choice = new LicenseChoice();
        java.util.Optional<String> expression = SpdxLicenses.expression(text);
        if (expression.isPresent()) {
            choice.setExpression(new Expression(expression.get()));
        } else {
            License license = new License();
            license.setName(text.strip());
            choice.addLicense(license);
        }
        return choice;
    }
}
