package io.teamsmeet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** The hexagon's rules, checked on the compiled core. */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.teamsmeet");

  private static final String APPLICATION = "io.teamsmeet";
  private static final String SPI = "io.teamsmeet.spi";
  private static final String STORE = "io.teamsmeet.store";

  @Test
  void coreDependsOnNoAdapterAndNoAdapterTechnology() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.teamsmeet.feign..",
            "io.teamsmeet.tokenstore..",
            "io.teamsmeet.testkit..",
            "io.teamsmeet.cli..",
            "feign..",
            "com.fasterxml.jackson..",
            "okhttp3..",
            "java.sql..",
            "javax.sql..",
            "com.github.tomakehurst..",
            "org.wiremock..")
        .check(CORE);
  }

  @Test
  void theCoreHasExactlyThreePackagesOneForEachRole() {
    classes()
        .should()
        .resideInAnyPackage(APPLICATION, SPI, STORE)
        .because(
            "an application imports io.teamsmeet, a store implementer io.teamsmeet.store, an"
                + " adapter author io.teamsmeet.spi")
        .check(CORE);
  }

  @Test
  void aStoreImplementerNeedsOnlyTheStorePackageAndTheJdk() {
    classes()
        .that()
        .resideInAPackage(STORE)
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(STORE, "java..")
                // the exception root a TokenStoreException extends, and the details it carries
                .or(nameMatching("io\\.teamsmeet\\.(TeamsException|ErrorDetails.*|SafeText)")))
        .check(CORE);
  }

  @Test
  void thePortsDependOnTheJdkAndOnPublicTypesOfTheApplicationPackageOnly() {
    classes()
        .that()
        .resideInAnyPackage(SPI, STORE)
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(SPI, STORE, "java..", "javax.security..")
                .or(resideInAPackage(APPLICATION).and(modifier(JavaModifier.PUBLIC))))
        .because("the engine (package-private in io.teamsmeet) is never part of a port")
        .check(CORE);
  }

  @Test
  void theSpiAndStorePackagesHoldOnlyInterfacesRecordsEnumsAndValueClasses() {
    classes()
        .that()
        .resideInAnyPackage(SPI, STORE)
        .and()
        .areTopLevelClasses()
        .and()
        .areNotAssignableTo(RuntimeException.class)
        .should(beAnInterfaceRecordOrEnum())
        .check(CORE);
  }

  @Test
  void publicClassesOfTheCoreAreFinalOrAbstract() {
    classes()
        .that()
        .resideInAnyPackage(APPLICATION, SPI, STORE)
        .and()
        .arePublic()
        .and()
        .areNotInterfaces()
        .and()
        .areNotEnums()
        .and()
        .areNotRecords()
        .should()
        .haveModifier(JavaModifier.FINAL)
        .orShould()
        .haveModifier(JavaModifier.ABSTRACT)
        .orShould(beSealed())
        .check(CORE);
  }

  @Test
  void everyExceptionIsATeamsException() {
    classes()
        .that()
        .resideInAnyPackage(APPLICATION, SPI, STORE)
        .and()
        .areAssignableTo(RuntimeException.class)
        .should()
        .beAssignableTo(TeamsException.class)
        .check(CORE);
  }

  private static ArchCondition<JavaClass> beSealed() {
    return new ArchCondition<>("be sealed") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        boolean ok = item.reflect().isSealed();
        events.add(new SimpleConditionEvent(item, ok, item.getName() + " is not sealed"));
      }
    };
  }

  private static ArchCondition<JavaClass> beAnInterfaceRecordOrEnum() {
    return new ArchCondition<>("be an interface, a record, an enum or a final value class") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        boolean ok =
            item.isInterface()
                || item.isRecord()
                || item.isEnum()
                || item.getModifiers().contains(JavaModifier.FINAL);
        events.add(
            new SimpleConditionEvent(item, ok, item.getName() + " is a plain non-final class"));
      }
    };
  }
}
