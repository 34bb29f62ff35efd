package fr.academie.mail.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready}: up without demo data or once it is loaded; down while it loads, or if it failed. */
@Readiness
@ApplicationScoped
class DemoMailReadiness implements HealthCheck {

    private final DemoMail demoMail;

    DemoMailReadiness(DemoMail demoMail) {
        this.demoMail = demoMail;
    }

    @Override
    public HealthCheckResponse call() {
        String state = demoMail.state();
        return HealthCheckResponse.named("demo-mail").status(state.equals("off") || state.equals("loaded"))
                .withData("state", state).build();
    }
}
