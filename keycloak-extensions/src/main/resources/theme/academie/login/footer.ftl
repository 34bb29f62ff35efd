<#-- académie: under every sign-in page, the way to the portal's help pages (at the portal's address, the client's base URL). -->
<#macro content>
  <#if client?? && client.clientId == "portail" && client.baseUrl?has_content>
    <p id="academie-assistance" class="academie-assistance">
      ${msg("academieHelpQuestion")} <a href="${client.baseUrl?remove_ending("/")}/assistance">${msg("academieHelpLink")}</a>
    </p>
  </#if>
</#macro>
