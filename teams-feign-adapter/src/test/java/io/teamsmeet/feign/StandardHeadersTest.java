package io.teamsmeet.feign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the User-Agent's version comes from. */
class StandardHeadersTest {

  @Test
  void theManifestsVersionIsUsedOnlyWhenTheManifestIsThisModules() {
    assertThat(StandardHeaders.manifestVersion("io.teamsmeet.feign", " 1.2.3 ")).isEqualTo("1.2.3");
    assertThat(StandardHeaders.manifestVersion("my-shaded-app", "9.9.9")).isNull();
    assertThat(StandardHeaders.manifestVersion(null, "9.9.9")).isNull();
    assertThat(StandardHeaders.manifestVersion("io.teamsmeet.feign", null)).isNull();
    assertThat(StandardHeaders.manifestVersion("io.teamsmeet.feign", " ")).isNull();
  }

  @Test
  void fromAClassesDirectoryTheVersionComesFromThePropertiesFile() {
    // the tests run from target/classes: no manifest, so teams-meetings.properties is read
    assertThat(StandardHeaders.class.getPackage().getImplementationTitle()).isNull();
    assertThat(StandardHeaders.sdkVersion()).startsWith("0.").doesNotStartWith("$");
  }
}
