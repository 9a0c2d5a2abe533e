package io.teamsmeet.feign;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the annotated class once per {@link TestTransport}: the adapter suite is one
 * suite, and each transport must pass all of it. The class declares {@code @Parameter TestTransport
 * transport} and builds its adapters with {@code Fixture.builder(wm, clock, transport)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@EnumSource(TestTransport.class)
@interface OnEachTransport {}
