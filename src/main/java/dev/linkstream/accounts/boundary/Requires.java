package dev.linkstream.accounts.boundary;

import dev.linkstream.accounts.entity.Caller.Need;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method needs from its caller, checked by {@link AccessControl}. A method without
 * it is open to no one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
  Need value();
}
