package io.teamsmeet.it.example.guides;

import io.teamsmeet.AuthorizationDeniedException;
import io.teamsmeet.ConfigurationException;
import io.teamsmeet.Connection;
import io.teamsmeet.InvalidAuthorizationResponseException;
import io.teamsmeet.PermissionDeniedException;
import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;
import io.teamsmeet.TeamsServiceException;
import java.net.URI;

public class ConnectCallback {

  private static final System.Logger LOG = System.getLogger("app.teams");
  private final TeamsMeetings teams;

  public ConnectCallback(TeamsMeetings teams) {
    this.teams = teams;
  }

  /** Microsoft redirected the browser back: what to tell the user. */
  public String onCallback(String appUserId, URI callbackUri) {
    try {
      Connection c = teams.completeConnect(appUserId, callbackUri);
      return "Connected " + c.accountName().orElse("your Microsoft account");
    } catch (AuthorizationDeniedException e) {          // the redirect carried error=...
      if (e.isAdminConsentRequired()) {                   // consent_required, AADSTS65001, AADSTS90094
        return "An administrator of your organization must approve this app first";
      }
      if (e.isUserDeclined()) {                           // access_denied
        return "You did not allow access; connect again when you are ready";
      }
      LOG.log(System.Logger.Level.WARNING, "sign-in refused: " + e.getMessage()); // AADSTS code inside
      return e.isRetryable() ? "Microsoft could not sign you in; try again"
          : "Microsoft refused the sign-in; your administrator can tell why";
    } catch (InvalidAuthorizationResponseException e) { // state missing, altered, expired, replayed
      return "The sign-in did not complete; please start again";
    } catch (ReauthorizationRequiredException e) {      // the code was refused: AADSTS54005, 70008...
      return "The sign-in expired; please start again";
    } catch (PermissionDeniedException e) {             // AADSTS53003 (Conditional Access), 50057
      return "Your organization does not allow this sign-in; ask your administrator";
    } catch (ConfigurationException e) {                // AADSTS7000215, 7000222, 50011, 700016...
      LOG.log(System.Logger.Level.ERROR, "fix the app registration or settings: " + e.getMessage());
      return "Connecting Microsoft accounts is unavailable right now";
    } catch (TeamsServiceException e) {                 // Microsoft unreachable, 5xx, throttled
      return "Microsoft is not answering; please start again in a minute";
    }
  }
}
