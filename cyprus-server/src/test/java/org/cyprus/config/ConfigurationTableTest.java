package org.cyprus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.cyprus.testing.RepositoryRoot;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the {@link Setting} enum, row for row. */
class ConfigurationTableTest {

    static String row(Setting s) {
        return "| `" + s.key() + "` | `" + s.envVar() + "` | `" + s.flag() + " " + s.valueLabel() + "` | "
                + s.defaultDescription() + " | " + s.description() + " |";
    }

    @Test
    void readmeTableListsEverySettingExactly() throws IOException {
        List<String> readme = Files.readAllLines(RepositoryRoot.path().resolve("README.md"));
        int start = readme.indexOf("| Config file | Environment | Option | Default | Meaning |");
        assertThat(start).as("README.md has the configuration table header").isNotNegative();
        List<String> rows = readme.stream().skip(start + 2).takeWhile(l -> l.startsWith("|")).toList();

        List<String> expected = Arrays.stream(Setting.values()).map(ConfigurationTableTest::row).toList();

        assertThat(rows).as("README rows; expected:%n%s", String.join("\n", expected)).isEqualTo(expected);
    }
}
