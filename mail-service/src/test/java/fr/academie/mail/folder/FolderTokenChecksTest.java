package fr.academie.mail.folder;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TokenChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.URI;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class FolderTokenChecksTest extends TokenChecks {

    @TestHTTPResource("/folders")
    URI folders;

    @Override
    protected URI protectedUri() {
        return folders;
    }

    @Override
    protected String audience() {
        return "mail-service";
    }
}
