<#-- The page around every login form. Keycloak's forms (login.ftl, login-otp.ftl …) come from the
     parent theme and call registrationLayout; this layout puts the tenant's brand around them. The
     brand is read from the attributes of the client that started the login, which the platform's
     provisioning writes (proxima.brand.*). Output is HTML-escaped by Keycloak's FreeMarker setup;
     colours and the logo are checked again here because they land in CSS and in a src attribute. -->
<#import "field.ftl" as field>
<#import "footer.ftl" as loginFooter>

<#assign brandName = msg("proximaPlatformName")>
<#assign brandLogo = "">
<#assign brandPrimary = "#1f4fd1">
<#assign brandAccent = "#f28c28">
<#if client?? && client.attributes??>
  <#assign attributes = client.attributes>
  <#if attributes["proxima.brand.name"]?has_content>
    <#assign brandName = attributes["proxima.brand.name"]>
  </#if>
  <#if attributes["proxima.brand.logo"]?has_content
      && (attributes["proxima.brand.logo"]?starts_with("https://")
          || attributes["proxima.brand.logo"]?starts_with("http://localhost"))>
    <#assign brandLogo = attributes["proxima.brand.logo"]>
  </#if>
  <#if (attributes["proxima.brand.primary"]!"")?matches("#[0-9a-fA-F]{6}")>
    <#assign brandPrimary = attributes["proxima.brand.primary"]>
  </#if>
  <#if (attributes["proxima.brand.accent"]!"")?matches("#[0-9a-fA-F]{6}")>
    <#assign brandAccent = attributes["proxima.brand.accent"]>
  </#if>
</#if>

<#macro username>
  <#assign label>
    <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
  </#assign>
  <@field.group name="username" label=label>
    <div class="${properties.kcInputGroup}">
      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
        <span class="${properties.kcInputClass} ${properties.kcFormReadOnlyClass}">
          <input id="kc-attempted-username" value="${auth.attemptedUsername}" readonly>
        </span>
      </div>
      <div class="${properties.kcInputGroupItemClass}">
        <a id="reset-login" class="${properties.kcFormPasswordVisibilityButtonClass}"
           href="${url.loginRestartFlowUrl}" aria-label="${msg('restartLoginTooltip')}"
           title="${msg('restartLoginTooltip')}">
          <i class="fa-sync-alt fas" aria-hidden="true"></i>
        </a>
      </div>
    </div>
  </@field.group>
</#macro>

<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<!DOCTYPE html>
<html class="${properties.kcHtmlClass!}" lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>${msg("proximaSignInTo", brandName)}</title>
  <link rel="icon" href="${url.resourcesPath}/img/favicon.ico">
  <#list (properties.stylesCommon!"")?split(" ") as style>
    <#if style?has_content><link href="${url.resourcesCommonPath}/${style}" rel="stylesheet"></#if>
  </#list>
  <#list (properties.styles!"")?split(" ") as style>
    <#if style?has_content><link href="${url.resourcesPath}/${style}" rel="stylesheet"></#if>
  </#list>
  <style>:root { --proxima-primary: ${brandPrimary}; --proxima-accent: ${brandAccent}; }</style>
  <script type="importmap">
    { "imports": { "rfc4648": "${url.resourcesCommonPath}/vendor/rfc4648/rfc4648.js" } }
  </script>
  <#if scripts??>
    <#list scripts as script><script src="${script}" type="text/javascript"></script></#list>
  </#if>
  <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
  <script type="module">
    <#outputformat "JavaScript">
    import { startSessionPolling } from ${(url.resourcesPath + "/js/authChecker.js")?c};
    startSessionPolling(${url.ssoLoginInOtherTabsUrl?c});
    </#outputformat>
  </script>
  <#if authenticationSession??>
    <script type="module">
      <#outputformat "JavaScript">
      import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};
      checkAuthSession(${authenticationSession.authSessionIdHash?c});
      </#outputformat>
    </script>
  </#if>
</head>
<body id="keycloak-bg" class="${properties.kcBodyClass!} ${bodyClass}" data-page-id="login-${pageId}">
<div class="${properties.kcLogin!}">
  <div class="${properties.kcLoginContainer!}">
    <header id="kc-header" class="pf-v5-c-login__header">
      <div id="proxima-brand" class="proxima-brand" data-brand-primary="${brandPrimary}" data-brand-accent="${brandAccent}">
        <#if brandLogo?has_content>
          <img class="proxima-brand__logo" src="${brandLogo}" alt="" referrerpolicy="no-referrer">
        </#if>
        <span id="proxima-brand-name">${brandName}</span>
      </div>
    </header>
    <main class="${properties.kcLoginMain!}">
      <div class="proxima-brand__bar" aria-hidden="true"></div>
      <div class="${properties.kcLoginMainHeader!}">
        <h1 class="${properties.kcLoginMainTitle!}" id="kc-page-title"><#nested "header"></h1>
        <#if realm.internationalizationEnabled && locale.supported?size gt 1>
          <div class="${properties.kcLoginMainHeaderUtilities!}">
            <div class="${properties.kcInputClass!}">
              <select aria-label="${msg("languages")}" id="login-select-toggle"
                      onchange="if (this.value) window.location.href=this.value">
                <#list locale.supported?sort_by("label") as l>
                  <option value="${l.url}" ${(l.languageTag == locale.currentLanguageTag)?then('selected','')}>${l.label}</option>
                </#list>
              </select>
            </div>
          </div>
        </#if>
      </div>
      <div class="${properties.kcLoginMainBody!}">
        <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
          <div class="${properties.kcFormClass} ${properties.kcContentWrapperClass}">
            <#nested "show-username">
            <@username />
          </div>
        </#if>
        <#if displayRequiredFields>
          <p class="subtitle"><span class="${properties.kcInputRequiredClass!}">*</span> ${msg("requiredFields")}</p>
        </#if>

        <#-- An application-initiated action should not warn about the action it asked for. -->
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
          <div class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}" role="alert">
            <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${message.summary}</span>
          </div>
        </#if>

        <#nested "form">

        <#if auth?has_content && auth.showTryAnotherWayLink()>
          <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="tryAnotherWay" value="on"/>
            <button type="submit" class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass} ${properties.kcMarginTopClass}">
              ${msg("doTryAnotherWay")}
            </button>
          </form>
        </#if>

        <#if switchOrganizationEnabled?? && switchOrganizationEnabled>
          <form id="kc-switch-organization-form" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="switchOrganization" value="true"/>
            <button type="submit" class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass} ${properties.kcMarginTopClass}">
              ${msg("doSwitchOrganization")}
            </button>
          </form>
        </#if>

        <div class="${properties.kcLoginMainFooter!}">
          <#nested "socialProviders">
          <#if displayInfo>
            <div id="kc-info" class="${properties.kcLoginMainFooterBand!} ${properties.kcFormClass}">
              <div id="kc-info-wrapper" class="${properties.kcLoginMainFooterBandItem!}">
                <#nested "info">
              </div>
            </div>
          </#if>
        </div>
      </div>
      <div class="${properties.kcLoginMainFooter!}">
        <@loginFooter.content/>
        <p class="proxima-powered-by">${msg("proximaPoweredBy")}</p>
      </div>
    </main>
  </div>
</div>
</body>
</html>
</#macro>
