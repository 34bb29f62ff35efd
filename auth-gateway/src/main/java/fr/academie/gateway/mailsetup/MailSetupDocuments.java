package fr.academie.gateway.mailsetup;

import fr.academie.gateway.config.GatewayConfig;

import java.util.UUID;

/** The documents mail clients read to set themselves up, written from the servers' configuration. */
final class MailSetupDocuments {

    private static final String NAME = "Messagerie de l'académie d'Orléans-Tours";

    private MailSetupDocuments() {
    }

    /**
     * Thunderbird's autoconfig (https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat): an application
     * password first (what every client can do), then OAuth 2 with the realm's public client for mail programs.
     */
    static String autoconfig(GatewayConfig.MailClients servers) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <clientConfig version="1.1">
                  <emailProvider id="%1$s">
                    <domain>%1$s</domain>
                    <displayName>%2$s</displayName>
                    <displayShortName>Académie</displayShortName>
                    %3$s
                    %4$s
                    %5$s
                    %6$s
                    <documentation url="https://portail.%1$s/messagerie/configurer">
                      <descr lang="fr">Configurer un logiciel de messagerie : le mot de passe est un mot de passe d'application, à créer sur la page Mon compte du portail, ou la connexion de l'académie (OAuth 2, client « messagerie »).</descr>
                    </documentation>
                  </emailProvider>
                  <oAuth2>
                    <issuer>%7$s</issuer>
                    <scope>openid email</scope>
                    <authURL>%8$s/protocol/openid-connect/auth</authURL>
                    <tokenURL>%8$s/protocol/openid-connect/token</tokenURL>
                  </oAuth2>
                </clientConfig>
                """.formatted(xml(servers.domain()), xml(NAME),
                server("incomingServer", "imap", servers.imapHost(), servers.imapPort(), "SSL"),
                server("incomingServer", "imap", servers.imapHost(), servers.imapStartTlsPort(), "STARTTLS"),
                server("outgoingServer", "smtp", servers.smtpHost(), servers.smtpPort(), "SSL"),
                server("outgoingServer", "smtp", servers.smtpHost(), servers.smtpStartTlsPort(), "STARTTLS"),
                xml(servers.oauthIssuer().getHost()), xml(servers.oauthIssuer().toString().replaceAll("/+$", "")));
    }

    private static String server(String element, String type, String host, int port, String socket) {
        return """
                <%1$s type="%2$s">
                      <hostname>%3$s</hostname>
                      <port>%4$d</port>
                      <socketType>%5$s</socketType>
                      <username>%%EMAILADDRESS%%</username>
                      <authentication>password-cleartext</authentication>
                      <authentication>OAuth2</authentication>
                    </%1$s>""".formatted(element, type, xml(host), port, socket);
    }

    /** Outlook's POX autodiscover answer (MS-OXDSCLI) for one address: IMAP and SMTP over TLS. */
    static String autodiscover(GatewayConfig.MailClients servers, String address) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
                  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
                    <User><DisplayName>%1$s</DisplayName></User>
                    <Account>
                      <AccountType>email</AccountType>
                      <Action>settings</Action>
                      <Protocol>
                        <Type>IMAP</Type><Server>%2$s</Server><Port>%3$d</Port><LoginName>%1$s</LoginName>
                        <DomainRequired>off</DomainRequired><SPA>off</SPA><SSL>on</SSL><AuthRequired>on</AuthRequired>
                      </Protocol>
                      <Protocol>
                        <Type>SMTP</Type><Server>%4$s</Server><Port>%5$d</Port><LoginName>%1$s</LoginName>
                        <DomainRequired>off</DomainRequired><SPA>off</SPA><SSL>on</SSL><AuthRequired>on</AuthRequired>
                        <UsePOPAuth>on</UsePOPAuth><SMTPLast>off</SMTPLast>
                      </Protocol>
                    </Account>
                  </Response>
                </Autodiscover>
                """.formatted(xml(address), xml(servers.imapHost()), servers.imapPort(), xml(servers.smtpHost()),
                servers.smtpPort());
    }

    /** Autodiscover's answer for an address that is not the académie's (Outlook then tries its other ways). */
    static String autodiscoverError() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
                  <Response>
                    <Error><ErrorCode>600</ErrorCode><Message>Adresse inconnue de ce service</Message></Error>
                  </Response>
                </Autodiscover>
                """;
    }

    /**
     * An Apple configuration profile (com.apple.mail.managed) for one person: IMAP and SMTP over TLS, her address as
     * user name, no password (asked at install). Not signed: iOS shows it as "non vérifié" (a production deployment
     * signs it with the académie's certificate).
     */
    static String appleProfile(GatewayConfig.MailClients servers, String address, String name, String username,
                               UUID profile, UUID account) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>PayloadContent</key>
                  <array>
                    <dict>
                      <key>EmailAccountDescription</key><string>%1$s</string>
                      <key>EmailAccountName</key><string>%2$s</string>
                      <key>EmailAccountType</key><string>EmailTypeIMAP</string>
                      <key>EmailAddress</key><string>%3$s</string>
                      <key>IncomingMailServerAuthentication</key><string>EmailAuthPassword</string>
                      <key>IncomingMailServerHostName</key><string>%4$s</string>
                      <key>IncomingMailServerPortNumber</key><integer>%5$d</integer>
                      <key>IncomingMailServerUseSSL</key><true/>
                      <key>IncomingMailServerUsername</key><string>%3$s</string>
                      <key>OutgoingMailServerAuthentication</key><string>EmailAuthPassword</string>
                      <key>OutgoingMailServerHostName</key><string>%6$s</string>
                      <key>OutgoingMailServerPortNumber</key><integer>%7$d</integer>
                      <key>OutgoingMailServerUseSSL</key><true/>
                      <key>OutgoingMailServerUsername</key><string>%3$s</string>
                      <key>OutgoingPasswordSameAsIncomingPassword</key><true/>
                      <key>PayloadDescription</key><string>Votre messagerie professionnelle (IMAP et SMTP chiffrés)</string>
                      <key>PayloadDisplayName</key><string>%1$s</string>
                      <key>PayloadIdentifier</key><string>fr.%8$s.messagerie.%9$s.compte</string>
                      <key>PayloadType</key><string>com.apple.mail.managed</string>
                      <key>PayloadUUID</key><string>%10$s</string>
                      <key>PayloadVersion</key><integer>1</integer>
                    </dict>
                  </array>
                  <key>PayloadDescription</key><string>Configure la messagerie de l'académie. Le mot de passe demandé est un mot de passe d'application, créé sur la page Mon compte du portail.</string>
                  <key>PayloadDisplayName</key><string>%1$s</string>
                  <key>PayloadIdentifier</key><string>fr.%8$s.messagerie.%9$s</string>
                  <key>PayloadOrganization</key><string>Académie d'Orléans-Tours</string>
                  <key>PayloadRemovalDisallowed</key><false/>
                  <key>PayloadType</key><string>Configuration</string>
                  <key>PayloadUUID</key><string>%11$s</string>
                  <key>PayloadVersion</key><integer>1</integer>
                </dict>
                </plist>
                """.formatted(xml(NAME), xml(name), xml(address), xml(servers.imapHost()), servers.imapPort(),
                xml(servers.smtpHost()), servers.smtpPort(), xml(servers.domain()), xml(username), account, profile);
    }

    private static String xml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
