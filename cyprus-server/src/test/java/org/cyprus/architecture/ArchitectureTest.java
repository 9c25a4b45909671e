package org.cyprus.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cyprus.testing.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Holds the dependency directions of STYLE: domain inward, media on java.base only, Main called by nobody. */
class ArchitectureTest {
    private static final Path ROOT = RepositoryRoot.path();

    private static Map<String, Set<String>> productionClasses() {
        Map<String, Set<String>> classes = new HashMap<>(ClassReferences.scan(ROOT.resolve("cyprus-server/target/classes")));
        classes.putAll(ClassReferences.scan(ROOT.resolve("cyprus-media/target/classes")));
        return classes;
    }

    private static Map<String, Set<String>> testClasses() {
        Map<String, Set<String>> classes = new HashMap<>(ClassReferences.scan(ROOT.resolve("cyprus-server/target/test-classes")));
        classes.putAll(ClassReferences.scan(ROOT.resolve("cyprus-media/target/test-classes")));
        return classes;
    }

    @Test
    void theCodeFollowsTheLayerRules() {
        Map<String, Set<String>> production = productionClasses();
        assertThat(production).containsKey("org.cyprus.Main").containsKey("org.cyprus.app.Application")
                .containsKey("org.cyprus.media.probe.MediaProbe");

        assertThat(LayerRules.violations(production)).isEmpty();
    }

    @Test
    void noTestCallsMain() {
        assertThat(testClasses()).isNotEmpty();

        assertThat(LayerRules.mainCallers(testClasses())).isEmpty();
    }

    @Test
    void theMediaEngineUsesJavaBaseOnly() {
        Map<String, Set<String>> main = ClassReferences.scan(ROOT.resolve("cyprus-media/target/classes"));
        assertThat(main).hasSizeGreaterThan(50);

        assertThat(LayerRules.mediaViolations(main)).isEmpty();
    }

    @Test
    void theMediaModuleDeclaresNoDependencyOutsideTests() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("cyprus-media/pom.xml").toFile());
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            NodeList scope = dependency.getElementsByTagName("scope");
            String artifact = dependency.getElementsByTagName("artifactId").item(0).getTextContent();
            assertThat(scope.getLength() == 1 ? scope.item(0).getTextContent() : "compile")
                    .as("scope of cyprus-media's dependency on %s", artifact).isEqualTo("test");
        }
    }

    // The rules themselves, shown to catch what they are for.

    private static byte[] classReturning(String className, String returnedType) {
        return ClassFile.of().build(ClassDesc.of(className), cls -> cls.withMethodBody("m",
                MethodTypeDesc.of(ClassDesc.of(returnedType)), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                code -> code.aconst_null().areturn()));
    }

    @Test
    void aDomainClassReachingIntoTheStoreIsCaught() {
        Set<String> refs = ClassReferences.references(classReturning("org.cyprus.library.Sneaky", "org.cyprus.store.Database"));

        assertThat(LayerRules.violations(Map.of("org.cyprus.library.Sneaky", refs)))
                .containsExactly("domain class org.cyprus.library.Sneaky refers to org.cyprus.store.Database");
    }

    @Test
    void aDomainClassUsingHttpTypesIsCaught() {
        Set<String> refs = ClassReferences.references(classReturning("org.cyprus.stream.Leaky", "io.javalin.http.Context"));

        assertThat(LayerRules.violations(Map.of("org.cyprus.stream.Leaky", refs))).hasSize(1);
    }

    @Test
    void aMediaClassUsingJdbcIsCaught() {
        Set<String> refs = ClassReferences.references(classReturning("org.cyprus.media.Bad", "java.sql.Connection"));

        assertThat(LayerRules.mediaViolations(Map.of("org.cyprus.media.Bad", refs)))
                .containsExactly("media class org.cyprus.media.Bad refers to java.sql.Connection, which is outside java.base");
    }

    @Test
    void callingMainIsCaught() {
        Set<String> refs = ClassReferences.references(classReturning("org.cyprus.api.http.Caller", "org.cyprus.Main"));

        assertThat(LayerRules.violations(Map.of("org.cyprus.api.http.Caller", refs)))
                .containsExactly("org.cyprus.api.http.Caller refers to org.cyprus.Main, the entry point nothing else may call");
        assertThat(LayerRules.violations(Map.of("org.cyprus.Main", Set.of("org.cyprus.cli.Cli")))).isEmpty();
    }

    @Test
    void anApiClassUsingSqlIsCaught() {
        Set<String> refs = ClassReferences.references(classReturning("org.cyprus.api.http.Direct", "java.sql.Connection"));

        assertThat(LayerRules.violations(Map.of("org.cyprus.api.http.Direct", refs))).hasSize(1);
        assertThat(List.copyOf(refs)).contains("java.sql.Connection");
    }
}
