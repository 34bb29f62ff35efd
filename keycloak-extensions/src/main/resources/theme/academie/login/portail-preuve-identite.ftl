<#-- académie: "Mot de passe oublié ?", second step (authenticator portail-preuve-identite): the NUMEN and the date of birth of the HR file,
     or a code sent to the recovery address confirmed on the portal's account page (then portail-code-secours.ftl). -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('numen','naissance'); section>
    <#if section = "header">
        ${msg("academieProofTitle")}
    <#elseif section = "form">
        <p id="preuve-intro">${msg("academieProofIntro")}</p>
        <form id="kc-preuve-identite-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="numen" label=msg("academieNumen") value=numen!'' autofocus=true autocomplete="off" />
            <p id="numen-aide" class="${properties.kcFormHelperTextClass!} academie-aide">${msg("academieNumenHint")}</p>
            <@field.group name="naissance" label=msg("academieBirthDate") error=messagesPerField.get('naissance')>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('naissance')>${properties.kcError}</#if>">
                    <input id="naissance" name="naissance" value="${naissance!''}" type="date" min="1900-01-01" autocomplete="bday"
                           aria-invalid="<#if messagesPerField.existsError('naissance')>true</#if>"/>
                </span>
            </@field.group>
            <@buttons.actionGroup>
                <@buttons.button id="kc-preuve-continuer" label="academieProofSubmit" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
                <@buttons.buttonLink href=url.loginUrl label="backToLogin" class=["kcButtonSecondaryClass", "kcButtonBlockClass"]/>
            </@buttons.actionGroup>
        </form>
        <form id="kc-code-secours-demande" class="${properties.kcFormClass!} academie-autre-moyen" action="${url.loginAction}" method="post">
            <h2 class="academie-autre-moyen-titre">${msg("academieOtherWayTitle")}</h2>
            <p>${msg("academieOtherWayIntro")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kc-code-secours-envoyer" name="moyen" value="adresse" label="academieCodeAsk" class=["kcButtonSecondaryClass", "kcButtonBlockClass"]/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("academieProofHelp")}</span>
    </#if>
</@layout.registrationLayout>
