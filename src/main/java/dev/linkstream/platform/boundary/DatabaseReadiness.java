package dev.linkstream.platform.boundary;

import dev.linkstream.platform.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database can be reached: without it every request but the page answers 503, so a
 * load balancer should send clients to another instance.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject Database database;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database").status(database.isReachable()).build();
  }
}
