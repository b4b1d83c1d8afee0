// Installs the blank page's service worker, so later loads are served from its cache as the app's are.
navigator.serviceWorker?.register('/sw.js');
