package fr.academie.mail.personal;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TokenChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.URI;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class PersonalDataTokenChecksTest extends TokenChecks {

    @TestHTTPResource("/personal-data")
    URI personalData;

    @Override
    protected URI protectedUri() {
        return personalData;
    }

    @Override
    protected String audience() {
        return "mail-service";
    }
}
