/**
 * Sales and SaaS words in Spanish, French, German and Portuguese with their English meaning, so a
 * question asked in one of those languages also finds what was recorded in English ("¿Cuánto dura la
 * prueba gratuita?" finds the entry about the free trial). Each row: the English words, then the words
 * of each language, space-separated, in any form (each is analysed in its own language). Only words
 * whose meaning does not depend on context; cognates spelt like the English word need no row. A row
 * whose English is empty holds the words of a question's frame that English analysis drops ("how long
 * does it take": "cuánto dura", "wie lange dauert"): they are not searched for.
 */
// biome-ignore format: one row per meaning reads as a table
export const SALES_LEXICON: ReadonlyArray<{
  en: string;
  es: string;
  fr: string;
  de: string;
  pt: string;
}> = [
  // Framing: asking how long something takes
  { en: '', es: 'dura duran tarda tardan tiempo', fr: 'dure durent prend prennent temps', de: 'dauert dauern lange', pt: 'dura duram demora demoram leva levam tempo' },
  // Money
  { en: 'price', es: 'precio precios tarifa tarifas', fr: 'prix tarif tarifs', de: 'Preis Preise Tarif', pt: 'preço preços tarifa' },
  { en: 'cost', es: 'costo coste cuesta cuestan', fr: 'coût coûts coûte coûtent', de: 'Kosten kostet', pt: 'custo custos custa custam' },
  { en: 'discount', es: 'descuento descuentos rebaja', fr: 'remise remises rabais réduction', de: 'Rabatt Rabatte Nachlass', pt: 'desconto descontos' },
  { en: 'budget', es: 'presupuesto presupuestos', fr: 'budget budgets', de: 'Budget Etat', pt: 'orçamento orçamentos' },
  { en: 'invoice', es: 'factura facturas', fr: 'facture factures', de: 'Rechnung Rechnungen', pt: 'fatura faturas' },
  { en: 'payment', es: 'pago pagos', fr: 'paiement paiements', de: 'Zahlung Zahlungen', pt: 'pagamento pagamentos' },
  { en: 'pay', es: 'pagar pagan paga', fr: 'payer payent paie', de: 'zahlen bezahlen zahlt', pt: 'pagar pagam paga' },
  // French "facturer" shares its stem with "facture" (invoice): no French word for charge.
  { en: 'charge', es: 'cobrar cobramos cobra cobran', fr: '', de: 'berechnen berechnet', pt: 'cobrar cobramos cobra cobram' },
  { en: 'expense', es: 'gasto gastos', fr: 'dépense dépenses frais', de: 'Ausgaben Spesen', pt: 'despesa despesas' },
  { en: 'fee', es: 'cuota cuotas comisión', fr: 'commission', de: 'Gebühr Gebühren', pt: 'taxa taxas' },
  { en: 'expensive', es: 'caro cara caros', fr: 'cher chère chers', de: 'teuer teure', pt: 'caro cara caros' },
  { en: 'cheap', es: 'barato barata', fr: 'bon marché', de: 'billig günstig', pt: 'barato barata' },
  { en: 'free', es: 'gratis gratuita gratuito', fr: 'gratuit gratuite', de: 'kostenlos gratis', pt: 'grátis gratuito gratuita' },
  { en: 'card', es: 'tarjeta tarjetas', fr: 'carte cartes', de: 'Karte Karten', pt: 'cartão cartões' },
  { en: 'bank', es: 'banco bancos', fr: 'banque banques', de: 'Bank Banken', pt: 'banco bancos' },
  { en: 'tax', es: 'impuesto impuestos fiscal', fr: 'impôt impôts taxe fiscal', de: 'Steuer Steuern', pt: 'imposto impostos fiscal' },
  // Deals and cycle
  { en: 'trial', es: 'prueba pruebas', fr: 'essai essais', de: 'Testphase Testversion', pt: 'teste avaliação' },
  { en: 'pilot', es: 'piloto', fr: 'pilote', de: 'Pilot Pilotprojekt', pt: 'piloto' },
  { en: 'contract', es: 'contrato contratos', fr: 'contrat contrats', de: 'Vertrag Verträge', pt: 'contrato contratos' },
  { en: 'renewal', es: 'renovación renovaciones renovar', fr: 'renouvellement renouveler', de: 'Verlängerung verlängern', pt: 'renovação renovações renovar' },
  { en: 'cancel', es: 'cancelar cancelación baja', fr: 'résilier résiliation annuler', de: 'kündigen Kündigung', pt: 'cancelar cancelamento' },
  { en: 'customer', es: 'cliente clientes', fr: 'client clients clientèle', de: 'Kunde Kunden', pt: 'cliente clientes' },
  { en: 'prospect', es: 'prospecto prospectos', fr: 'prospect prospects', de: 'Interessent Interessenten', pt: 'prospect prospecto' },
  { en: 'competitor', es: 'competidor competidores competencia', fr: 'concurrent concurrents concurrence', de: 'Wettbewerber Konkurrent Konkurrenz', pt: 'concorrente concorrentes concorrência' },
  { en: 'deal', es: 'negocio negocios oportunidad', fr: 'affaire affaires opportunité', de: 'Geschäft Abschluss Deal', pt: 'negócio negócios oportunidade' },
  { en: 'sign', es: 'firmar firma firmó firmaron', fr: 'signer signe signé signature', de: 'unterschreiben unterschrieben unterzeichnen', pt: 'assinar assina assinou assinatura' },
  { en: 'decision decide', es: 'decisión decisiones decidir decide', fr: 'décision décisions décider décide', de: 'Entscheidung entscheiden entscheidet', pt: 'decisão decisões decidir decide' },
  { en: 'approval approve', es: 'aprobación aprobar aprueba', fr: 'approbation approuver validation valider', de: 'Genehmigung genehmigen Freigabe', pt: 'aprovação aprovar aprova' },
  { en: 'win', es: 'ganar ganamos ganado', fr: 'gagner gagné', de: 'gewinnen gewonnen', pt: 'ganhar ganhamos ganho' },
  { en: 'lose', es: 'perder perdimos perdido', fr: 'perdre perdu perdons', de: 'verlieren verloren', pt: 'perder perdemos perdido' },
  { en: 'reason', es: 'motivo motivos razón', fr: 'raison raisons motif', de: 'Grund Gründe', pt: 'motivo motivos razão' },
  { en: 'delay', es: 'retraso retrasos', fr: 'retard retards', de: 'Verzögerung verzögert', pt: 'atraso atrasos' },
  { en: 'deadline', es: 'plazo plazos', fr: 'échéance délai', de: 'Frist Fristen', pt: 'prazo prazos' },
  { en: 'meeting', es: 'reunión reuniones', fr: 'réunion réunions', de: 'Besprechung Termin', pt: 'reunião reuniões' },
  { en: 'request', es: 'solicitud petición pide piden', fr: 'demande demandes demandent', de: 'Anfrage Anforderung', pt: 'pedido pedidos solicitação' },
  { en: 'complaint', es: 'queja quejas', fr: 'plainte plaintes', de: 'Beschwerde Beschwerden', pt: 'reclamação reclamações' },
  { en: 'problem', es: 'problema problemas', fr: 'problème problèmes', de: 'Problem Probleme', pt: 'problema problemas' },
  { en: 'implementation rollout', es: 'implementación implantación despliegue', fr: 'déploiement implémentation', de: 'Einführung Implementierung', pt: 'implementação implantação' },
  { en: 'migration', es: 'migración migrar', fr: 'migration migrer', de: 'Migration migrieren Umstieg', pt: 'migração migrar' },
  { en: 'training', es: 'formación capacitación', fr: 'formation formations', de: 'Schulung Schulungen', pt: 'treinamento capacitação' },
  { en: 'requirement', es: 'requisito requisitos', fr: 'exigence exigences', de: 'Anforderung Anforderungen', pt: 'requisito requisitos' },
  { en: 'agreement', es: 'acuerdo acuerdos', fr: 'accord accords', de: 'Vereinbarung Vereinbarungen', pt: 'acordo acordos' },
  // Product
  { en: 'ai', es: 'IA', fr: 'IA', de: 'KI', pt: 'IA' },
  { en: 'agent', es: 'agente agentes', fr: 'agent agents', de: 'Agent Agenten', pt: 'agente agentes' },
  { en: 'answer', es: 'responde responden respuesta respuestas', fr: 'répond répondent réponse réponses', de: 'antwortet beantwortet Antwort Antworten', pt: 'responde respondem resposta respostas' },
  { en: 'support', es: 'soporte asistencia soportamos soporta soportan admite admiten admitimos', fr: 'assistance supporte supportons supportent', de: 'Support Kundendienst unterstützen unterstützt', pt: 'suporte assistência suporta suportam suportamos' },
  { en: 'template', es: 'plantilla plantillas', fr: 'gabarit gabarits', de: 'Vorlage Vorlagen', pt: 'template templates' },
  { en: 'vendor', es: 'proveedor proveedores', fr: 'fournisseur fournisseurs prestataire prestataires', de: 'Anbieter Lieferant Lieferanten', pt: 'fornecedor fornecedores' },
  { en: 'plan', es: 'plan planes', fr: 'offre offres forfait formule', de: 'Tarif Paket', pt: 'plano planos' },
  { en: 'module', es: 'módulo módulos', fr: 'module modules', de: 'Modul Module', pt: 'módulo módulos' },
  { en: 'integration', es: 'integración integraciones', fr: 'intégration intégrations', de: 'Integration Integrationen Anbindung', pt: 'integração integrações' },
  { en: 'security', es: 'seguridad', fr: 'sécurité', de: 'Sicherheit', pt: 'segurança' },
  { en: 'privacy', es: 'privacidad', fr: 'confidentialité', de: 'Datenschutz', pt: 'privacidade' },
  { en: 'data', es: 'datos', fr: 'données', de: 'Daten', pt: 'dados' },
  { en: 'hosting', es: 'alojamiento hospedaje', fr: 'hébergement héberger', de: 'Hosting gehostet', pt: 'hospedagem' },
  { en: 'server', es: 'servidor servidores', fr: 'serveur serveurs', de: 'Server', pt: 'servidor servidores' },
  { en: 'cloud', es: 'nube', fr: 'nuage', de: 'Cloud', pt: 'nuvem' },
  { en: 'certification', es: 'certificación certificado', fr: 'certification certificat', de: 'Zertifizierung Zertifikat', pt: 'certificação certificado' },
  { en: 'audit', es: 'auditoría', fr: 'audit', de: 'Prüfung Audit', pt: 'auditoria' },
  { en: 'compliance', es: 'cumplimiento normativa', fr: 'conformité', de: 'Compliance', pt: 'conformidade' },
  { en: 'report', es: 'informe informes reporte', fr: 'rapport rapports', de: 'Bericht Berichte', pt: 'relatório relatórios' },
  { en: 'user', es: 'usuario usuarios', fr: 'utilisateur utilisateurs', de: 'Benutzer Nutzer', pt: 'usuário usuários' },
  { en: 'license', es: 'licencia licencias', fr: 'licence licences', de: 'Lizenz Lizenzen', pt: 'licença licenças' },
  { en: 'app', es: 'aplicación app', fr: 'application appli', de: 'App Anwendung', pt: 'aplicativo app' },
  { en: 'mobile', es: 'móvil', fr: 'mobile', de: 'mobil', pt: 'móvel celular' },
  { en: 'fast', es: 'rápido rápida', fr: 'rapide', de: 'schnell schneller', pt: 'rápido rápida' },
  { en: 'slow', es: 'lento lenta', fr: 'lent lente', de: 'langsam', pt: 'lento lenta' },
  { en: 'alert', es: 'alerta alertas', fr: 'alerte alertes', de: 'Alarm Warnung', pt: 'alerta alertas' },
  { en: 'retention', es: 'retención conservación', fr: 'rétention conservation', de: 'Aufbewahrung', pt: 'retenção' },
  { en: 'questionnaire', es: 'cuestionario', fr: 'questionnaire', de: 'Fragebogen', pt: 'questionário' },
  // People, time, places
  { en: 'employee', es: 'empleado empleados', fr: 'employé employés salarié salariés', de: 'Mitarbeiter Angestellte Beschäftigte', pt: 'funcionário funcionários colaborador' },
  { en: 'payroll', es: 'nómina nóminas', fr: 'paie', de: 'Lohnabrechnung Gehaltsabrechnung', pt: 'folha' },
  { en: 'salary', es: 'salario sueldo', fr: 'salaire salaires', de: 'Gehalt Lohn', pt: 'salário salários' },
  { en: 'hire', es: 'contratar contratación', fr: 'embaucher recrutement recruter', de: 'einstellen Einstellung', pt: 'contratar contratação' },
  { en: 'hour', es: 'hora horas', fr: 'heure heures', de: 'Stunde Stunden', pt: 'hora horas' },
  { en: 'day', es: 'día días', fr: 'jour jours', de: 'Tag Tage', pt: 'dia dias' },
  { en: 'week', es: 'semana semanas', fr: 'semaine semaines', de: 'Woche Wochen', pt: 'semana semanas' },
  { en: 'month', es: 'mes meses', fr: 'mois', de: 'Monat Monate', pt: 'mês meses' },
  { en: 'year', es: 'año años', fr: 'année années', de: 'Jahr Jahre', pt: 'ano anos' },
  { en: 'language', es: 'idioma idiomas', fr: 'langue langues', de: 'Sprache Sprachen', pt: 'idioma idiomas língua' },
  { en: 'spanish', es: 'español', fr: 'espagnol', de: 'Spanisch', pt: 'espanhol' },
  { en: 'portuguese', es: 'portugués', fr: 'portugais', de: 'Portugiesisch', pt: 'português' },
  { en: 'french', es: 'francés', fr: 'français', de: 'Französisch', pt: 'francês' },
  { en: 'german', es: 'alemán', fr: 'allemand', de: 'Deutsch', pt: 'alemão' },
  { en: 'english', es: 'inglés', fr: 'anglais', de: 'Englisch', pt: 'inglês' },
  { en: 'country', es: 'país países', fr: 'pays', de: 'Land Länder', pt: 'país países' },
  { en: 'hospital', es: 'hospital hospitales', fr: 'hôpital hôpitaux', de: 'Krankenhaus Klinik Kliniken', pt: 'hospital hospitais' },
  { en: 'school', es: 'escuela escuelas colegio', fr: 'école écoles', de: 'Schule Schulen', pt: 'escola escolas' },
  { en: 'healthcare', es: 'salud sanitario sanidad', fr: 'santé', de: 'Gesundheitswesen', pt: 'saúde' },
  { en: 'retail', es: 'minorista minoristas', fr: 'commerce détaillant', de: 'Einzelhandel Händler', pt: 'varejo varejista' },
  { en: 'manufacturing', es: 'fabricación manufactura', fr: 'fabrication industriel', de: 'Fertigung Produktion', pt: 'manufatura fabricação' },
  { en: 'construction', es: 'construcción constructora', fr: 'construction BTP', de: 'Bau Baufirma', pt: 'construção construtora' },
  { en: 'government', es: 'gobierno', fr: 'gouvernement administration', de: 'Behörde Verwaltung', pt: 'governo' },
  { en: 'insurance', es: 'seguro seguros aseguradora', fr: 'assurance assureur', de: 'Versicherung', pt: 'seguro seguradora' },
];
