<#-- Keycloak 26.5 keycloak.v2 login-update-password.ftl, with the password rules listed under the field before any typing
     and ticked as she types (js/regles-mot-de-passe.js), instead of Keycloak's errors once the field is left. -->
<#import "template.ftl" as layout>
<#import "password-commons.ftl" as passwordCommons>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- one rule of the realm's password policy, in words: "au moins 12 caractères", "une majuscule" -->
<#macro regle name value>
    <li data-regle="${name}" data-valeur="${value?c}">${(value == 1)?then(msg("academieRule_" + name + "_1"), msg("academieRule_" + name, value?c))}</li>
</#macro>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
<!-- template: login-update-password.ftl -->
    <#if section = "header">
        ${msg("updatePasswordTitle")}
    <#elseif section = "form">
        <form id="kc-passwd-update-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <div id="regles-mot-de-passe" class="academie-regles">
                <p>${msg("academieRulesIntro")}</p>
                <ul>
                    <#list ["length", "upperCase", "lowerCase", "digits", "specialChars"] as name>
                        <#if (passwordPolicies[name])??><@regle name=name value=passwordPolicies[name]/></#if>
                    </#list>
                    <li data-regle="identiques">${msg("academieRuleSame")}</li>
                </ul>
                <p>${msg("academieRulesOthers")}</p>
            </div>
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />

            <div class="${properties.kcFormGroupClass!}">
                <@passwordCommons.logoutOtherSessions/>
            </div>

            <@buttons.actionGroup horizontal=true>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-submit" name="login" label="doSubmit" class=["kcButtonPrimaryClass"]/>
                    <@buttons.button id="kc-cancel" label="doCancel" name="cancel-aia" class=["kcButtonSecondaryClass"]/>
                <#else>
                    <@buttons.button id="kc-submit" name="login" label="doSubmit" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
                </#if>
            </@buttons.actionGroup>
        </form>
        <script type="module" src="${url.resourcesPath}/js/regles-mot-de-passe.js"></script>
    </#if>
</@layout.registrationLayout>
