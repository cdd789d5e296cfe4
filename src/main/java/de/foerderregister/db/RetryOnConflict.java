package de.foerderregister.db;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write whose transaction the database may roll back for a deadlock, a lock wait timeout or,
 * on a Galera cluster, a certification failure (all error 1213/1205, SQLState 40001): it is run
 * again a few times as a whole, and only then refused with 409.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
public @interface RetryOnConflict {
}
