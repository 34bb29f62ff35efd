<#-- académie: "Mot de passe oublié ?", the other proof (authenticator portail-preuve-identite): the code sent to the recovery address.
     The page reads the same whether an address exists for the identifier or not. The browser itself refuses an empty code
     (required): Keycloak 26 answers the post that follows an empty one as an expired action (seen in LostPasswordTest). -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        ${msg("academieCodeTitle")}
    <#elseif section = "form">
        <p id="code-intro">${msg("academieCodeIntro")}</p>
        <form id="kc-code-secours-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <input type="hidden" name="moyen" value="code"/>
            <@field.group name="code" label=msg("academieCode") error=messagesPerField.get('code')>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('code')>${properties.kcError}</#if>">
                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" autofocus required
                           aria-invalid="<#if messagesPerField.existsError('code')>true</#if>"/>
                </span>
            </@field.group>
            <@buttons.actionGroup>
                <@buttons.button id="kc-code-continuer" label="academieProofSubmit" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
            </@buttons.actionGroup>
        </form>
        <form id="kc-code-secours-autres" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="kc-code-renvoyer" name="moyen" value="adresse" label="academieCodeAgain" class=["kcButtonSecondaryClass", "kcButtonBlockClass"]/>
                <@buttons.button id="kc-code-numen" name="moyen" value="numen" label="academieCodeUseNumen" class=["kcButtonSecondaryClass", "kcButtonBlockClass"]/>
                <@buttons.buttonLink href=url.loginUrl label="backToLogin" class=["kcButtonSecondaryClass", "kcButtonBlockClass"]/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("academieCodeHelp")}</span>
    </#if>
</@layout.registrationLayout>
