#!/bin/sh
# azd post-deploy hook. 1) Publishes Rules/ to the rules container through the same validation as
# `./genderplan rules publish` (invalid rules are never uploaded), signed in as the azd user or pipeline.
# 2) Switches on the storage account's static website, where the app publishes the scorecard page.
# 3) On the first deploy only, provisions once more with the Event Grid subscriptions: they need the
# Functions blob extension key, which exists only once the code with the blob triggers is deployed.
set -eu
cd "$(dirname "$0")/../.."
export Storage__blobServiceUri="$AZURE_STORAGE_BLOB_ENDPOINT"
export Storage__tableServiceUri="$AZURE_STORAGE_TABLE_ENDPOINT"
./genderplan rules publish
# 2) The scorecard page is published by the app to the static website's $web container.
az storage blob service-properties update --auth-mode login --account-name "$AZURE_STORAGE_ACCOUNT_NAME" \
  --static-website --index-document index.html --404-document index.html > /dev/null
if [ "${DEPLOY_EVENT_SUBSCRIPTIONS:-false}" != "true" ]; then
  azd env set DEPLOY_EVENT_SUBSCRIPTIONS true
  azd provision --no-prompt
fi
