package io.teamsmeet.it.example.guides;

import io.teamsmeet.ReauthorizationRequiredException;
import io.teamsmeet.TeamsMeetings;

public class ResealAll {

  // Step 3 of a key rotation (SECURITY.md), on an instance that has the new primary key
  static int reseal(TeamsMeetings teams, Iterable<String> userIdsStillOnTheOldKey) {
    int resealed = 0;
    for (String userId : userIdsStillOnTheOldKey) {
      try {
        if (teams.reseal(userId)) {                  // no call to Microsoft; compare-and-set
          resealed++;
        }
      } catch (ReauthorizationRequiredException e) { // STORED_TOKEN_UNREADABLE: no key opens it
        System.err.println(userId + ": " + e.reason());  // row left as it is
      }
    }
    return resealed;
  }
}
