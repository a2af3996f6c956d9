/** Name of the migrated database the integration globalSetup builds and createTestDatabase() copies. */
export const TEMPLATE_DATABASE = "atlas_test_template";
