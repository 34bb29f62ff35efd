import './app.css';
import './portail-app.js';
import './pages/accueil.js';
import './pages/messagerie.js';
import './pages/carriere.js';
import './pages/demarches.js';
import './pages/compte.js';
import './pages/administration.js';
