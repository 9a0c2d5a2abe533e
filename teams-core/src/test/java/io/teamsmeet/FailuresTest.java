package io.teamsmeet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.teamsmeet.spi.Failures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Adapters build the core's exceptions through {@link Failures}; the application's exception
 * classes offer no factory of their own, and every family holds what it promises.
 */
class FailuresTest {

  private static final ErrorDetails DETAILS =
      ErrorDetails.builder().status(503).code("ServiceUnavailable").requestId("r-1").build();

  @Test
  void theApplicationsExceptionsHaveNoPublicFactories() {
    JavaClasses core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.teamsmeet");
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("io.teamsmeet")
        .and()
        .areDeclaredInClassesThat()
        .areAssignableTo(TeamsException.class)
        .and()
        .haveModifier(JavaModifier.STATIC)
        .should()
        .bePublic()
        .because("adapters use io.teamsmeet.spi.Failures; applications only catch")
        .check(core);
  }

  @Test
  void everyFactoryBuildsItsTypeInItsFamily() {
    TeamsServiceException service = Failures.service("Graph failed", DETAILS, true, null);
    assertThat(service.isRetryable()).isTrue();
    assertThat(service.requestMayHaveBeenSent()).isTrue();
    assertThat(service.status()).isEqualTo(503);
    assertThat(service).hasMessageContaining("Graph failed").hasMessageContaining("request-id=r-1");

    TeamsServiceException notSent = Failures.notSent("could not reach Graph", DETAILS, null);
    assertThat(notSent.isRetryable()).isTrue();
    assertThat(notSent.requestMayHaveBeenSent()).isFalse();

    ThrottledException throttled = Failures.throttled(Duration.ofSeconds(-3), DETAILS);
    assertThat(throttled).isInstanceOf(TeamsServiceException.class);
    assertThat(throttled.isRetryable()).isTrue();
    assertThat(throttled.retryAfter()).contains(Duration.ZERO);

    assertThat(Failures.permissionDenied(DETAILS))
        .isInstanceOf(TeamsServiceException.class)
        .satisfies(e -> assertThat(e.isRetryable()).isFalse());
    assertThat(Failures.permissionDenied("blocked by Conditional Access", DETAILS))
        .hasMessageStartingWith("blocked by Conditional Access");
    assertThat(Failures.meetingNotFound(DETAILS))
        .isInstanceOf(TeamsServiceException.class)
        .satisfies(e -> assertThat(e.isRetryable()).isFalse());
    assertThat(Failures.configuration("the client secret expired", DETAILS))
        .isNotInstanceOf(TeamsServiceException.class)
        .hasMessageStartingWith("the client secret expired");
    assertThat(
            Failures.reauthorizationRequired(
                    ReauthorizationRequiredException.Reason.INVALID_GRANT, DETAILS)
                .reason())
        .isEqualTo(ReauthorizationRequiredException.Reason.INVALID_GRANT);
    assertThat(Failures.idTokenMismatch("aud"))
        .isInstanceOf(AuthorizationException.class)
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo(InvalidAuthorizationResponseException.Reason.ID_TOKEN_MISMATCH));
  }

  @Test
  void aFactorysOwnValidationStillReachesTheAdapter() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Failures.permissionDenied(" ", DETAILS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message");
  }
}
