import { graphql } from '../gql';

export const MySettingsFieldsFragment = graphql(`
  fragment MySettingsFields on Me {
    id
    locale
    timeZone
  }
`);

export const MySettingsQuery = graphql(`
  query MySettings {
    me {
      ...MySettingsFields
      memberships {
        role
      }
    }
  }
`);

export const UpdateMySettingsMutation = graphql(`
  mutation UpdateMySettings($input: MySettingsInput!) {
    updateMySettings(input: $input) {
      ...MySettingsFields
    }
  }
`);

export const NotificationPreferenceFieldsFragment = graphql(`
  fragment NotificationPreferenceFields on NotificationPreference {
    eventType
    channel
    mode
    isDefault
  }
`);

export const MyNotificationPreferencesQuery = graphql(`
  query MyNotificationPreferences {
    myNotificationPreferences {
      ...NotificationPreferenceFields
    }
  }
`);

export const SetNotificationPreferenceMutation = graphql(`
  mutation SetNotificationPreference($input: NotificationPreferenceInput!) {
    setNotificationPreference(input: $input) {
      ...NotificationPreferenceFields
    }
  }
`);
