package io.teamsmeet.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
          .importPackages("io.teamsmeet.core");

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
  void thePortPackageDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("io.teamsmeet.core.port")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.teamsmeet.core.port", "java..")
        .check(CORE);
  }

  @Test
  void thePortPackageHoldsOnlyInterfacesAndRecords() {
    classes()
        .that()
        .resideInAPackage("io.teamsmeet.core.port")
        .and()
        .areTopLevelClasses()
        .should(beAnInterfaceRecordOrEnum())
        .check(CORE);
  }

  @Test
  void thereAreNoPackageCycles() {
    slices().matching("io.teamsmeet.(**)").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void publicClassesOfTheCoreAreFinalOrAbstract() {
    classes()
        .that()
        .resideInAPackage("io.teamsmeet.core")
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
        .resideInAPackage("io.teamsmeet.core")
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
