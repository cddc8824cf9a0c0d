package dev.linkstream.stream.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the stream's heartbeat keeps its schedule and every writer loop runs. Without them no
 * stuck client is ever dropped and events stop reaching clients, and only a restart helps.
 */
@Liveness
@ApplicationScoped
public class StreamLiveness implements HealthCheck {

  @Inject LinkStream stream;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("stream").status(stream.isAlive()).build();
  }
}
