package io.clientele.platform.input;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemReportValve} where Tomcat's error report valve was: after Spring Boot's own customizer
 * (which adds a plain {@link ErrorReportValve}), removing that one, and naming ours as the host's class so
 * Tomcat adds no other when the host starts.
 */
class ProblemReportValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof org.apache.catalina.core.StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            ProblemReportValve valve = new ProblemReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            host.getPipeline().addValve(valve);
        });
    }

    @Override
    public int getOrder() {
        // after Spring Boot's TomcatWebServerFactoryCustomizer (order 0), whose context customizer adds its valve
        return 10;
    }
}
