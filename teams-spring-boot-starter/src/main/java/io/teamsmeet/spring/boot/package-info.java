/**
 * The Spring Boot starter: {@link io.teamsmeet.spring.boot.TeamsAutoConfiguration} builds {@code
 * TeamsMeetings} from {@link io.teamsmeet.spring.boot.TeamsProperties}; an application implements
 * {@link io.teamsmeet.spring.boot.TeamsUserIdResolver} or {@link
 * io.teamsmeet.spring.boot.TeamsMeetingsCustomizer} when it needs to.
 */
package io.teamsmeet.spring.boot;
